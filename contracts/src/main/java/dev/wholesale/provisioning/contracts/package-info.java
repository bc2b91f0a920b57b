package dev.wholesale.provisioning.contracts;

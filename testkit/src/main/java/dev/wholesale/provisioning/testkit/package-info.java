package dev.wholesale.provisioning.testkit;

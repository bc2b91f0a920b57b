#!/usr/bin/env bash
# Creates the worker's topics with the settings of infra/topics.md.
#   infra/create-topics.sh <bootstrap-servers> [client.properties]
# Needs Kafka's command-line tools (kafka-topics.sh) on the PATH.
set -euo pipefail
bootstrap=${1:?usage: create-topics.sh <bootstrap-servers> [client.properties]}
config=${2:-}
common=(--partitions 6 --replication-factor 3 --config min.insync.replicas=2 --config cleanup.policy=delete
        --config max.message.bytes=1048576 --config compression.type=producer --config unclean.leader.election.enable=false)
create() {
  kafka-topics.sh --bootstrap-server "$bootstrap" ${config:+--command-config "$config"} --create --if-not-exists \
    --topic "$1" "${common[@]}" --config retention.ms="$2"
}
for request in template customer user; do
  create "provisioning.${request}-requests.v1" 604800000
  create "provisioning.${request}-requests.v1-dlt" 2592000000
done
create provisioning.results.v1 2592000000

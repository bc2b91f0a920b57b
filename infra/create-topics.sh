#!/usr/bin/env bash
# Creates the provisioning worker's topics with the settings written down in infra/topics.md.
#
#   infra/create-topics.sh <bootstrap-servers> [<command-config>]
#
# <command-config> is a client properties file for kafka-topics.sh, needed on a secured cluster, e.g.
#   security.protocol=SASL_SSL
#   sasl.mechanism=SCRAM-SHA-512
#   sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="...";
# The principal needs Create and Describe on the topics (or Create on the cluster).
#
# Environment (the defaults are the production settings):
#   REPLICATION_FACTOR   3   (1 on a single-broker development cluster)
#   MIN_INSYNC_REPLICAS  2   (1 on a single-broker development cluster)
#   PARTITIONS           6   each request topic and each DLT
#   RESULT_PARTITIONS    6   the results topic
#   PROVISIONING_TOPICS_TEMPLATE_REQUESTS, PROVISIONING_TOPICS_CUSTOMER_REQUESTS,
#   PROVISIONING_TOPICS_USER_REQUESTS, PROVISIONING_TOPICS_RESULTS
#                            topic names, the same variables the worker reads (defaults: the v1 names)
#   KAFKA_TOPICS         the kafka-topics command (default: kafka-topics.sh on the PATH, else
#                        /opt/kafka/bin/kafka-topics.sh as in the apache/kafka image)
#
# Topics that exist already are left alone (--if-not-exists); at the end every topic is described,
# so a difference from infra/topics.md shows. Changing an existing topic is kafka-configs.sh's job.
set -euo pipefail
# (${array[@]+"${array[@]}"} below: an empty array under set -u breaks bash before 4.4, e.g. macOS's 3.2)

usage() {
  echo "usage: $0 <bootstrap-servers> [<command-config>]" >&2
  exit 2
}
[[ $# -ge 1 && $# -le 2 && -n $1 ]] || usage
bootstrap=$1
client_config=()
if [[ $# -eq 2 ]]; then
  [[ -r $2 ]] || { echo "$0: cannot read command config '$2'" >&2; exit 2; }
  client_config=(--command-config "$2")
fi

replication=${REPLICATION_FACTOR:-3}
min_isr=${MIN_INSYNC_REPLICAS:-2}
partitions=${PARTITIONS:-6}
result_partitions=${RESULT_PARTITIONS:-6}
for number in "$replication" "$min_isr" "$partitions" "$result_partitions"; do
  [[ $number =~ ^[1-9][0-9]*$ ]] || { echo "$0: '$number' is not a positive number" >&2; exit 2; }
done
if (( min_isr > replication )); then
  echo "$0: MIN_INSYNC_REPLICAS ($min_isr) exceeds REPLICATION_FACTOR ($replication): nothing could be written" >&2
  exit 2
fi

if [[ -n ${KAFKA_TOPICS:-} ]]; then
  kafka_topics=$KAFKA_TOPICS
elif command -v kafka-topics.sh > /dev/null; then
  kafka_topics=kafka-topics.sh
elif [[ -x /opt/kafka/bin/kafka-topics.sh ]]; then
  kafka_topics=/opt/kafka/bin/kafka-topics.sh
else
  echo "$0: kafka-topics.sh not found; put Kafka's bin/ on the PATH or set KAFKA_TOPICS" >&2
  exit 2
fi

readonly SEVEN_DAYS_MS=604800000    # requests: the worker's idempotency window (provisioning.retention P7D)
readonly THIRTY_DAYS_MS=2592000000  # DLTs: time to inspect and replay; results: billing re-reads a month

requests=(
  "${PROVISIONING_TOPICS_TEMPLATE_REQUESTS:-provisioning.template-requests.v1}"
  "${PROVISIONING_TOPICS_CUSTOMER_REQUESTS:-provisioning.customer-requests.v1}"
  "${PROVISIONING_TOPICS_USER_REQUESTS:-provisioning.user-requests.v1}"
)
results=${PROVISIONING_TOPICS_RESULTS:-provisioning.results.v1}

# The worker's intake limits together (value 1 MiB + key 1 KiB + headers 32 KiB + 1 KiB of framing),
# and a dead letter of such a record (4 KiB more for the worker's headers). See topics.md.
readonly REQUEST_MAX_BYTES=1083392
readonly DLT_MAX_BYTES=1087488
readonly RESULT_MAX_BYTES=1048588  # the broker default, stated

# create <topic> <partitions> <retention.ms> <max.message.bytes> <compression.type>
create() {
  echo "create if absent: $1 (partitions $2, replication $replication, min.insync.replicas $min_isr, retention.ms $3," \
    "max.message.bytes $4, compression.type $5)"
  "$kafka_topics" --bootstrap-server "$bootstrap" ${client_config[@]+"${client_config[@]}"} --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$replication" \
    --config min.insync.replicas="$min_isr" \
    --config retention.ms="$3" \
    --config cleanup.policy=delete \
    --config max.message.bytes="$4" \
    --config compression.type="$5" \
    --config unclean.leader.election.enable=false
}

all=()
for topic in "${requests[@]}"; do
  # Stored uncompressed: the broker then checks max.message.bytes on the decompressed size (compression bombs).
  create "$topic" "$partitions" "$SEVEN_DAYS_MS" "$REQUEST_MAX_BYTES" uncompressed
  create "$topic-dlt" "$partitions" "$THIRTY_DAYS_MS" "$DLT_MAX_BYTES" producer
  all+=("$topic" "$topic-dlt")
done
create "$results" "$result_partitions" "$THIRTY_DAYS_MS" "$RESULT_MAX_BYTES" producer
all+=("$results")

echo "--- as the cluster has them:"
# One call for all of them: --describe takes a regular expression (dots escaped, so it matches only these).
pattern=$(IFS='|'; echo "${all[*]}")
"$kafka_topics" --bootstrap-server "$bootstrap" ${client_config[@]+"${client_config[@]}"} --describe \
  --topic "${pattern//./\\.}"

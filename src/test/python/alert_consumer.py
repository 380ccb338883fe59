#!/usr/bin/python3
"""An alerting consumer written with Confluent's own Python client: reads EnrichedArticle records with
AvroConsumer (read_committed) until it has seen every expected article id.

Prints one line per record: 'got <id> <language> <title>'; exits 0 when all ids arrived, 1 on timeout.
"""
import argparse
import sys
import time
import uuid

from confluent_kafka.avro import AvroConsumer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--schema-registry-url", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--expect-ids", required=True, help="comma-separated article ids")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    expected = set(args.expect_ids.split(","))
    consumer = AvroConsumer({
        "bootstrap.servers": args.bootstrap_servers,
        "schema.registry.url": args.schema_registry_url,
        "group.id": "python-alerts-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
    })
    consumer.subscribe([args.topic])
    deadline = time.time() + args.timeout
    seen = set()
    try:
        while time.time() < deadline and not expected <= seen:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                print("error", msg.error(), file=sys.stderr, flush=True)
                continue
            article = msg.value()
            if msg.key() != article["id"]:
                print("key mismatch", msg.key(), article["id"], file=sys.stderr, flush=True)
                return 2
            seen.add(article["id"])
            print("got %s %s %s" % (article["id"], article["language"]["code"], article["title"]), flush=True)
    finally:
        consumer.close()
    missing = expected - seen
    if missing:
        print("missing", sorted(missing), file=sys.stderr, flush=True)
        return 1
    print("received %d" % len(expected), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

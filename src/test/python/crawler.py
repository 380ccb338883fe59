#!/usr/bin/python3
"""A crawler written with Confluent's own Python client: produces RawArticle records with AvroProducer.

Run with Debian's python3 (packages python3-confluent-kafka and python3-avro). Prints one line per article
and a final 'produced N' line; exits non-zero on any delivery failure.
"""
import argparse
import datetime
import sys

from confluent_kafka import avro
from confluent_kafka.avro import AvroProducer

BODY = ("Officials from several governments met on Tuesday to discuss shipping routes, "
        "the officials said in a joint statement after the talks.\n\n"
        "The delegations agreed to meet again next month, according to the statement, "
        "and said that technical teams would continue their work in the meantime.")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--schema-registry-url", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--schema", required=True, help="path to schemas/RawArticle.avsc")
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--id-prefix", default="py")
    args = parser.parse_args()

    value_schema = avro.load(args.schema)
    key_schema = avro.loads('"string"')
    producer = AvroProducer({
        "bootstrap.servers": args.bootstrap_servers,
        "schema.registry.url": args.schema_registry_url,
        "enable.idempotence": True,
    }, default_key_schema=key_schema, default_value_schema=value_schema)

    failures = []

    def delivered(err, msg):
        if err is not None:
            failures.append(str(err))

    # python3-avro 1.11 wants datetimes for timestamp-millis fields.
    now = datetime.datetime.now(datetime.timezone.utc)
    for i in range(args.count):
        article_id = "%s-%03d" % (args.id_prefix, i)
        value = {
            "id": article_id,
            "url": "https://python.example.org/news/%s" % article_id,
            "source": {"name": "Python Crawler", "domain": "python.example.org"},
            "title": "Delegations meet for talks, round %d" % i,
            "body": BODY,
            "bodyFormat": "TEXT",
            "language": None,
            "publishedAt": now - datetime.timedelta(minutes=1),
            "fetchedAt": now,
            "authors": ["A. Writer"],
            "metadata": {"crawler": "python"},
        }
        producer.produce(topic=args.topic, key=article_id, value=value, callback=delivered)
        print("sent", article_id, flush=True)
    producer.flush(30)
    if failures:
        print("delivery failures:", failures, file=sys.stderr)
        return 1
    print("produced %d" % args.count, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

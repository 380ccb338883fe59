package dev.newsflow.http;

/** A query that cannot be answered as asked: the message says what to change, and the answer is 400. */
final class BadQuery extends Exception {

    BadQuery(String message) {
        super(message);
    }
}

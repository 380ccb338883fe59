package dev.newsflow.client;

/** An input line or file that cannot become a RawArticle; the message says which field and why. */
public final class ArticleParseException extends Exception {

    public ArticleParseException(String message) {
        super(message);
    }
}

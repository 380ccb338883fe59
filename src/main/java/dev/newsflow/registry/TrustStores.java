package dev.newsflow.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Builds an SSLContext that trusts the certificates of a trust store file (for a private-CA registry). */
public final class TrustStores {

    private TrustStores() {
    }

    /** type defaults to the JVM's default keystore type (PKCS12 on Java 17, which also reads JKS). */
    public static SSLContext sslContext(Path location, String password, String type) {
        try (InputStream in = Files.newInputStream(location)) {
            KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? KeyStore.getDefaultType() : type);
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The exception text can name the file but never the password.
            throw new ConfigException("cannot load schema registry trust store " + location + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }
}

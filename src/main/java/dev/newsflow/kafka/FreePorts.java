package dev.newsflow.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds loopback TCP ports that nothing is listening on. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port the OS says is free now; another process may still take it before we bind it. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether {@code port} can be bound on the loopback interface right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // The JDK binds Kafka's listeners with SO_REUSEADDR on Unix, so a port left in TIME_WAIT by a
            // stopped broker is still usable: test it the same way.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code preferred} when it is free (local mode's familiar 9092), otherwise any free port. */
    public static int preferred(int preferred) {
        return isFree(preferred) ? preferred : pick();
    }
}

package io.punchsim.archfixture;

import java.net.DatagramSocket;
import java.net.SocketException;

/** Deliberately breaks every purity rule, so the architecture test can show its rules bite. */
public final class ImpureMachine {
    long clock() {
        return System.nanoTime() + System.currentTimeMillis();
    }

    double dice() {
        return Math.random() + new java.util.Random().nextDouble();
    }

    void thread() {
        new Thread(() -> {}).start();
    }

    DatagramSocket socket() throws SocketException {
        return new DatagramSocket();
    }
}

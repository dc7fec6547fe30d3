package io.punchsim.sim.event;

/**
 * An event the simulator itself defines and schedules by the thousand per run (a datagram reaching
 * the end of a link). The loop calls it through this class rather than through {@link Runnable}:
 * the timers the machines set are lambdas of many classes, so a call through the interface finds
 * its target anew each time, while a call through an abstract class with one implementation is a
 * direct one.
 */
public abstract class KernelEvent implements Runnable {

    /** What the event does when its time comes. */
    protected abstract void deliver();

    @Override
    public final void run() {
        deliver();
    }
}

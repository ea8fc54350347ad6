package dev.retort.micronaut;

import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Hands a stream's elements to the thread that waits for them, so that listeners run on the
 * application's main thread. The producer, the driver's event loop, only appends to a lock-free
 * queue and unparks that thread; it never waits for a lock, as it may with
 * {@code Flux.toIterable()}, whose hand-off takes one (BlockHound caught an event loop parked on
 * it, and the dropped error left start-up waiting forever).
 */
final class EventsOnCallingThread {

    private static final Object COMPLETE = new Object();

    private EventsOnCallingThread() {
    }

    /**
     * Subscribes, then runs {@code action} on the calling thread for each element, in order, until
     * the stream ends.
     *
     * @param elements the stream
     * @param action   what to do with each element; if it throws, the stream is cancelled
     * @param <T>      the element type
     * @throws RuntimeException the stream's error, unchanged when unchecked
     */
    static <T> void forEach(Flux<T> elements, Consumer<? super T> action) {
        Thread consumer = Thread.currentThread();
        Queue<Object> queue = new ConcurrentLinkedQueue<>();
        Disposable subscription = elements.subscribe(
                element -> handOver(queue, element, consumer),
                error -> handOver(queue, new Failure(error), consumer),
                () -> handOver(queue, COMPLETE, consumer));
        try {
            drain(queue, action);
        } finally {
            subscription.dispose();
        }
    }

    private static void handOver(Queue<Object> queue, Object signal, Thread consumer) {
        queue.offer(signal);
        LockSupport.unpark(consumer);
    }

    @SuppressWarnings("unchecked")
    private static <T> void drain(Queue<Object> queue, Consumer<? super T> action) {
        while (true) {
            Object next = queue.poll();
            if (next == null) {
                // An unpark that came first leaves a permit, so this cannot miss a signal.
                LockSupport.park(queue);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the migration");
                }
            } else if (next == COMPLETE) {
                return;
            } else if (next instanceof Failure failure) {
                throw Exceptions.propagate(failure.error());
            } else {
                action.accept((T) next);
            }
        }
    }

    private record Failure(Throwable error) {
    }
}

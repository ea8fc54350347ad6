package dev.retort.micronaut;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsOnCallingThreadUnitTests {

    @Test
    void elementsProducedOnAnotherThreadReachTheCallingThreadInOrder() {
        Thread caller = Thread.currentThread();
        List<Integer> seen = new ArrayList<>();

        EventsOnCallingThread.forEach(Flux.range(1, 10_000).publishOn(Schedulers.parallel()), i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(i);
        });

        assertThat(seen).hasSize(10_000).isSorted().startsWith(1).endsWith(10_000);
    }

    @Test
    void theStreamsErrorIsThrownAfterTheElementsBeforeIt() {
        List<Integer> seen = new ArrayList<>();
        Flux<Integer> failing = Flux.just(1, 2).concatWith(Flux.error(new IllegalStateException("broken")))
                .publishOn(Schedulers.parallel());

        assertThatThrownBy(() -> EventsOnCallingThread.forEach(failing, seen::add))
                .isInstanceOf(IllegalStateException.class).hasMessage("broken");
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void anActionThatThrowsCancelsTheStream() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<Integer> endless = Flux.interval(Duration.ofMillis(1)).map(Long::intValue)
                .doOnCancel(() -> cancelled.set(true));

        assertThatThrownBy(() -> EventsOnCallingThread.forEach(endless, i -> {
            if (i == 3) {
                throw new IllegalArgumentException("listener failed");
            }
        })).hasMessage("listener failed");
        assertThat(cancelled).isTrue();
    }
}

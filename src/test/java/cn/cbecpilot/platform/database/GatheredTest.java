package cn.cbecpilot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Items written together, one write at a time, each write held open by the test until it lets it finish. */
class GatheredTest {

    private final List<List<Integer>> written = new CopyOnWriteArrayList<>();
    private final List<Sinks.Empty<Void>> underWay = new CopyOnWriteArrayList<>();

    private Mono<Void> write(List<Integer> items) {
        written.add(items);
        Sinks.Empty<Void> done = Sinks.empty();
        underWay.add(done);
        return done.asMono();
    }

    private void finishWrite(int n) {
        underWay.get(n).tryEmitEmpty();
    }

    @Test
    void anItemAloneIsWrittenAtOnceAndThoseAddedMeanwhileTogetherAfterIt() {
        Gathered<Integer> gathered = new Gathered<>(Duration.ZERO, 100, this::write);

        gathered.add(1);
        assertThat(written).containsExactly(List.of(1));
        IntStream.rangeClosed(2, 5).forEach(gathered::add);
        assertThat(written).hasSize(1);
        assertThat(gathered.waiting()).isEqualTo(4);

        finishWrite(0);
        assertThat(written).containsExactly(List.of(1), List.of(2, 3, 4, 5));
        assertThat(gathered.waiting()).isZero();
        finishWrite(1);
        gathered.add(6);
        assertThat(written).last().isEqualTo(List.of(6));
    }

    @Test
    void aWriteTakesAtMostItsLimitAndTheRestGoInTheNext() {
        Gathered<Integer> gathered = new Gathered<>(Duration.ZERO, 2, this::write);

        IntStream.rangeClosed(1, 4).forEach(gathered::add);
        finishWrite(0);
        finishWrite(1);

        assertThat(written).containsExactly(List.of(1), List.of(2, 3), List.of(4));
    }

    @Test
    void aFailedWriteDoesNotStopTheNext() {
        Gathered<Integer> gathered = new Gathered<>(Duration.ZERO, 100, this::write);

        gathered.add(1);
        gathered.add(2);
        underWay.get(0).tryEmitError(new IllegalStateException("the database went away"));

        assertThat(written).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void withAPauseTheFirstItemWaitsForOthers() {
        Gathered<Integer> gathered = new Gathered<>(Duration.ofMillis(200), 100, this::write);

        gathered.add(1);
        gathered.add(2);
        assertThat(written).isEmpty();

        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
        assertThat(written).containsExactly(List.of(1, 2));
    }

    @Test
    void anItemWrittenIsAnsweredWhenItsOwnWriteIsDone() {
        Gathered<Integer> gathered = new Gathered<>(Duration.ZERO, 100, this::write);
        List<String> answered = new CopyOnWriteArrayList<>();

        gathered.written(1).subscribe(null, e -> answered.add("1 failed"), () -> answered.add("1"));
        gathered.written(2).subscribe(null, e -> answered.add("2 failed"), () -> answered.add("2"));
        gathered.written(3).subscribe(null, e -> answered.add("3 failed"), () -> answered.add("3"));
        assertThat(answered).isEmpty();

        finishWrite(0);
        assertThat(answered).containsExactly("1");
        assertThat(written).containsExactly(List.of(1), List.of(2, 3));
        finishWrite(1);
        assertThat(answered).containsExactly("1", "2", "3");
    }

    @Test
    void theItemsOfAFailedWriteAreAnsweredWithItsFailureAndTheNextGoesOn() {
        Gathered<Integer> gathered = new Gathered<>(Duration.ZERO, 100, this::write);
        List<String> answered = new CopyOnWriteArrayList<>();

        gathered.written(1).subscribe(null, e -> answered.add("1 " + e.getMessage()), () -> answered.add("1"));
        gathered.written(2).subscribe(null, e -> answered.add("2 " + e.getMessage()), () -> answered.add("2"));
        underWay.get(0).tryEmitError(new IllegalStateException("the database went away"));
        finishWrite(1);

        assertThat(answered).containsExactly("1 the database went away", "2");
    }
}

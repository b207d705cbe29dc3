package io.frontlineguard.decision;

import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Place;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators of demands of every type with the extra fields the contract gives each type. A visit's
 * time only makes sense next to the incident's {@code occurredAt}, so demands are generated as
 * {@link DemandDraft}s that are placed in time when the incident is assembled; everything is built
 * from jqwik combinators, so a failing incident shrinks demand by demand and field by field.
 */
final class DemandArbitraries {

    /** Demand types without extra fields. */
    private static final List<DemandType> PLAIN = List.of(DemandType.WRITTEN_APOLOGY,
            DemandType.RECURRENCE_PREVENTION, DemandType.RESUME_SERVICE, DemandType.MEETING_AT_HEADQUARTERS,
            DemandType.IMMEDIATE_ANSWER, DemandType.KNEELING_APOLOGY, DemandType.FREE_SERVICE);

    /** Demands the guidance never counts as justified, or whose very form is unacceptable (LG-9, LG-10, LG-12). */
    static final Set<DemandType> NEVER_LEGITIMATE =
            Set.of(DemandType.KNEELING_APOLOGY, DemandType.FREE_SERVICE, DemandType.EMPLOYEE_DISMISSAL);

    private DemandArbitraries() {
    }

    /** When a visit would happen: days after the incident, the wall-clock time at the incident's own
     *  offset, and the offset the client writes it in (null: the incident's offset). */
    record VisitTime(int daysAhead, LocalTime localTime, ZoneOffset writtenIn) {

        OffsetDateTime after(OffsetDateTime occurredAt) {
            OffsetDateTime local = OffsetDateTime.of(occurredAt.toLocalDate().plusDays(daysAhead), localTime,
                    occurredAt.getOffset());
            return writtenIn == null ? local : local.withOffsetSameInstant(writtenIn);
        }
    }

    /** A demand before it is placed in time. Fields that do not belong to the type stay null. */
    record DemandDraft(DemandType type, boolean immediate, boolean reasonGiven, VisitTime requested, Place place,
                       Double distanceKm, String employeeId, Long amountJpy, Integer intervalDays) {

        Demand at(OffsetDateTime occurredAt) {
            OffsetDateTime requestedFor = requested == null ? null : requested.after(occurredAt);
            int hour = type == DemandType.VISIT ? visitHour(immediate, requestedFor, occurredAt) : -1;
            return new Demand(type, immediate, reasonGiven, requestedFor, place, distanceKm, employeeId, amountJpy,
                    intervalDays, hour);
        }
    }

    /** The contract's visit time: now when immediate, else the requested time, read at the incident's offset. */
    static int visitHour(boolean immediate, OffsetDateTime requestedFor, OffsetDateTime occurredAt) {
        OffsetDateTime when = immediate || requestedFor == null ? occurredAt : requestedFor;
        return when.withOffsetSameInstant(occurredAt.getOffset()).getHour();
    }

    /** Any demand, visits and employee-naming demands weighted up because most invariants are about them. */
    static Arbitrary<DemandDraft> demands() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, visits(IncidentArbitraries.mostly(false), Arbitraries.frequency(Tuple.of(1, false),
                        Tuple.of(2, true)), visitTimes())),
                Tuple.of(2, naming(DemandType.APOLOGY_FROM_EMPLOYEE)),
                Tuple.of(2, naming(DemandType.SPECIFIC_STAFF)),
                Tuple.of(1, naming(DemandType.EMPLOYEE_DISMISSAL)),
                Tuple.of(1, compensation()),
                Tuple.of(1, periodicCallbacks()),
                Tuple.of(4, plain()));
    }

    /** Zero to four demands, each size equally likely (jqwik would otherwise favour the empty list). */
    static Arbitrary<List<DemandDraft>> demandLists() {
        return demands().list().ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform());
    }

    /** Lists that hold at least one demand from {@code first}, anywhere in the list. */
    static Arbitrary<List<DemandDraft>> listsWith(Arbitrary<DemandDraft> first) {
        return Combinators.combine(first, demands().list().ofMaxSize(3), Arbitraries.integers().between(0, 3))
                .as((d, others, at) -> {
                    List<DemandDraft> all = new ArrayList<>(others);
                    all.add(Math.min(at, others.size()), d);
                    return List.copyOf(all);
                });
    }

    /** A visit with a reason, mostly not "right now", at any time. */
    static Arbitrary<DemandDraft> reasonedVisits() {
        return visits(IncidentArbitraries.mostly(false), Arbitraries.just(true), visitTimes());
    }

    /** A visit the facts could grant (reason given, not "right now") whose time falls in the night. */
    static Arbitrary<DemandDraft> reasonedVisitsAtNight() {
        Arbitrary<VisitTime> night = Combinators.combine(daysAhead(), nightTimes(), writtenIn()).as(VisitTime::new);
        return visits(Arbitraries.just(false), Arbitraries.just(true), night);
    }

    static Arbitrary<DemandDraft> employeeNamingDemands() {
        return Arbitraries.oneOf(naming(DemandType.APOLOGY_FROM_EMPLOYEE), naming(DemandType.SPECIFIC_STAFF),
                naming(DemandType.EMPLOYEE_DISMISSAL));
    }

    /** Zero to four demands a justified complaint may carry. */
    static Arbitrary<List<DemandDraft>> legitimateDemandLists() {
        return demands().filter(d -> !NEVER_LEGITIMATE.contains(d.type())).list().ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /** One demand of a type without extra fields. */
    static Arbitrary<DemandDraft> just(DemandType type) {
        return Arbitraries.just(bare(type));
    }

    static Arbitrary<DemandDraft> undoingABlock() {
        return Arbitraries.of(DemandType.RESUME_SERVICE, DemandType.MEETING_AT_HEADQUARTERS).map(DemandArbitraries::bare);
    }

    private static Arbitrary<DemandDraft> visits(Arbitrary<Boolean> immediate, Arbitrary<Boolean> reasonGiven,
                                                 Arbitrary<VisitTime> times) {
        Arbitrary<Double> distances = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0.0, 40.0)),
                Tuple.of(2, Arbitraries.doubles().between(0, 500).ofScale(1)));
        return Combinators.combine(immediate, reasonGiven, times, Arbitraries.of(Place.class).injectNull(0.3),
                        distances.injectNull(0.4))
                .as((now, reason, time, place, km) ->
                        new DemandDraft(DemandType.VISIT, now, reason, time, place, km, null, null, null));
    }

    private static Arbitrary<VisitTime> visitTimes() {
        Arbitrary<VisitTime> times = Combinators.combine(daysAhead(), IncidentArbitraries.clockTimes(), writtenIn())
                .as(VisitTime::new);
        return times.injectNull(0.3);
    }

    private static Arbitrary<Integer> daysAhead() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0, 1)),
                Tuple.of(1, Arbitraries.integers().between(0, 60)));
    }

    private static Arbitrary<ZoneOffset> writtenIn() {
        return IncidentArbitraries.offsets().injectNull(0.5);
    }

    /** Wall-clock times from 20:00 to 07:59, the edges included. */
    private static Arbitrary<LocalTime> nightTimes() {
        Arbitrary<LocalTime> edges = Arbitraries.of(LocalTime.of(20, 0), LocalTime.of(7, 59), LocalTime.of(0, 0),
                LocalTime.of(23, 59));
        Arbitrary<LocalTime> any = Combinators.combine(Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(0, 59))
                .as((h, m) -> LocalTime.of((20 + h) % 24, m));
        return Arbitraries.frequencyOf(Tuple.of(1, edges), Tuple.of(2, any));
    }

    private static Arbitrary<DemandDraft> naming(DemandType type) {
        return IncidentArbitraries.employeeIds().injectNull(0.15)
                .map(id -> new DemandDraft(type, false, false, null, null, null, id, null, null));
    }

    private static Arbitrary<DemandDraft> compensation() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0L, 10_000L, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(30_000L, 30_001L, 100_000L, 100_001L)),
                Tuple.of(2, Arbitraries.longs().between(0, 100_000_000L)));
        return amounts.injectNull(0.2)
                .map(yen -> new DemandDraft(DemandType.MONETARY_COMPENSATION, false, false, null, null, null, null, yen,
                        null));
    }

    /** Money demanded on either side of three and ten times a loss of 10,000 yen (LG-13). */
    static Arbitrary<DemandDraft> moneyAroundTheLoss() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(30_000L, 30_001L, 100_000L, 100_001L, 10_000L, 0L)),
                        Tuple.of(1, Arbitraries.longs().between(0, 1_000_000L)))
                .map(yen -> new DemandDraft(DemandType.MONETARY_COMPENSATION, false, false, null, null, null, null, yen, null));
    }

    /** Sums around the multiples of the loss floor ({@link JudgementInvariants#LOSS_FLOOR}), for a loss below it. */
    static Arbitrary<DemandDraft> moneyAroundTheFloor() {
        long f = JudgementInvariants.LOSS_FLOOR;
        long m = JudgementInvariants.MONEY_MULTIPLE;
        long g = JudgementInvariants.GROSS_MULTIPLE;
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(1L, 1_000L, f * m, f * m + 1, f * g, f * g + 1)),
                        Tuple.of(1, Arbitraries.longs().between(0, f * g * 2)))
                .map(yen -> new DemandDraft(DemandType.MONETARY_COMPENSATION, false, false, null, null, null, null, yen, null));
    }

    private static Arbitrary<DemandDraft> periodicCallbacks() {
        return Arbitraries.integers().between(1, 90).injectNull(0.2)
                .map(days -> new DemandDraft(DemandType.PERIODIC_CALLBACK, false, false, null, null, null, null, null,
                        days));
    }

    private static Arbitrary<DemandDraft> plain() {
        return Arbitraries.of(PLAIN).map(DemandArbitraries::bare);
    }

    private static DemandDraft bare(DemandType type) {
        return new DemandDraft(type, false, false, null, null, null, null, null, null);
    }
}

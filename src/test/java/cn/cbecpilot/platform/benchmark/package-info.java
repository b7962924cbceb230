/**
 * The benchmark: the packaged platform in its own process, driven over HTTP from this one, with pgbench on the same
 * machine as the ceiling. Run with {@code bash .ci/benchmark}; never part of {@code ./mvnw verify}.
 */
package cn.cbecpilot.platform.benchmark;

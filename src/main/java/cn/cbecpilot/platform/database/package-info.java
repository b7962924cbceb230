/**
 * Where the platform's PostgreSQL comes from: an external server named by {@code DATABASE_URL}, or an embedded
 * PostgreSQL 17 whose data survives restarts; {@link cn.cbecpilot.platform.database.Gathered}, by which small writes
 * arriving together under load share one statement and one commit; and {@link cn.cbecpilot.platform.database.Columns},
 * rows turned into the arrays such statements take.
 */
package cn.cbecpilot.platform.database;

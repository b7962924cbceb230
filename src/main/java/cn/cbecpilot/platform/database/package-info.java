/**
 * Where the platform's PostgreSQL comes from: an external server named by {@code DATABASE_URL}, or an embedded
 * PostgreSQL 17 whose data survives restarts; and {@link cn.cbecpilot.platform.database.Gathered}, by which small
 * writes arriving together under load share one statement and one commit.
 */
package cn.cbecpilot.platform.database;

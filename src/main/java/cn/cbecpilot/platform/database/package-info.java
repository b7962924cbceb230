/**
 * Where the platform's PostgreSQL comes from: an external server named by {@code DATABASE_URL}, or an embedded
 * PostgreSQL 17 whose data survives restarts.
 */
package cn.cbecpilot.platform.database;

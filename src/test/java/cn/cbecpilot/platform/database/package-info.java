/** Tests of the embedded database as an operator meets it: the packaged platform started, stopped and killed. */
package cn.cbecpilot.platform.database;

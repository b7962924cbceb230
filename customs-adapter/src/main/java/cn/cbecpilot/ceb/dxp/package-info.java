/**
 * The DXP terminal-node envelope: a CEB message Base64-encoded in {@code Data} with its routing in
 * {@code TransInfo}, and the way back out of it.
 */
package cn.cbecpilot.ceb.dxp;

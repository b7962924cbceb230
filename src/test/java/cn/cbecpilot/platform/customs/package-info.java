/** Tests of the platform's clearance side: receipt intake, parking, the outbox dispatcher and the message list. */
package cn.cbecpilot.platform.customs;

/** CEB messages of the unified CBEC customs system: model, XML, DXP envelope, signatures and transports. */
package cn.cbecpilot.ceb;

/** Small values every capability speaks in: money in RMB. */
package cn.cbecpilot.platform.shared;

/** Demo data for the embedded default: a pilot platform, a positive-list excerpt, goods in bond and an operator. */
package cn.cbecpilot.platform.demo;

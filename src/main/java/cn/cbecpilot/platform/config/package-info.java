/** The platform's typed settings and the beans every capability shares (clock, transactions). */
package cn.cbecpilot.platform.config;

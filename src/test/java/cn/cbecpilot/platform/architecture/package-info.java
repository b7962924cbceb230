/** Tests of the code's shape: dependencies between packages, blocking calls, package documentation. */
package cn.cbecpilot.platform.architecture;

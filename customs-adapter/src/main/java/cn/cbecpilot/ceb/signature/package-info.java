/**
 * Enveloped XML-DSig signatures on CEB messages: RSA-SHA1 through the JDK's XML signature API and
 * SM2-SM3 (the chinaport 2022 URIs) through BouncyCastle, their verification, and the key material
 * both need.
 */
package cn.cbecpilot.ceb.signature;

/**
 * Personal data at rest: buyer and payer names, ID numbers, phones and addresses are stored encrypted (AES-GCM under
 * a configured key ring, rotatable) and decrypted only where the platform needs them (customs messages, masking).
 */
package cn.cbecpilot.platform.privacy;

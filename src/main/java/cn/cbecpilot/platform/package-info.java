/**
 * The order platform of a cross-border e-commerce drug and medical-device pilot: consumers order goods held in a
 * bonded warehouse, the platform checks every order against the pilot's rules, declares it to customs through the
 * customs adapter, and follows each unit by its traceability code from bond to door and back.
 */
package cn.cbecpilot.platform;

package cn.cbecpilot.platform.compliance;

/** The consumer who orders under real name; customs verifies name and ID and matches them with the payer. */
public record Buyer(String name, String idNumber, String phone) {}

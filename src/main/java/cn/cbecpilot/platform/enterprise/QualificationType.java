package cn.cbecpilot.platform.enterprise;

/** Registrations and records an enterprise may hold. The first two are the pilot's dual qualification. */
public enum QualificationType {
    /** Cross-border e-commerce platform registration with customs. */
    CBEC_PLATFORM,
    /** Record of an online drug and medical-device trading platform with the medical products administration. */
    MEDICAL_ONLINE_TRADING,
    /** Customs registration of a cross-border e-commerce enterprise (seller, logistics, payment). */
    CBEC_ENTERPRISE,
    /** Drug or device business licence. */
    DRUG_BUSINESS_LICENCE,
    /** Payment business licence. */
    PAYMENT_LICENCE
}

package io.trailkeeper.trail.entity;

/**
 * What kind of sensitive data a mask replaced. The categories are the ones an auditor asks about
 * separately: credentials (a leak is a security incident), cardholder data (PCI DSS scope), and
 * personal data (GDPR Art. 4(1)), with US Social Security numbers apart because US breach-notice
 * laws single them out.
 */
public enum MaskCategory {
    SECRET, PAYMENT_CARD, US_SSN, EMAIL, PHONE
}

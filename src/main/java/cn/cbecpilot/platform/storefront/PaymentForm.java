package cn.cbecpilot.platform.storefront;

/** What the buyer confirms on the simulated payment page: the payer, who must be the buyer. */
record PaymentForm(String payerName, String payerIdNumber) {

    static PaymentForm blank() {
        return new PaymentForm("", "");
    }

    FormProblems problems() {
        FormProblems problems = new FormProblems();
        if (CheckoutForm.strip(payerName).isEmpty()) {
            problems.add("payerName", "form.required");
        }
        if (CheckoutForm.strip(payerIdNumber).isEmpty()) {
            problems.add("payerIdNumber", "form.required");
        }
        return problems;
    }
}

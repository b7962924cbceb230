/**
 * The two ports the platform uses: {@link cn.cbecpilot.ceb.gateway.ClearanceGateway} sends a CEB
 * request to the single window, {@link cn.cbecpilot.ceb.gateway.ReceiptIntake} turns whatever
 * arrives back into receipts for a {@link cn.cbecpilot.ceb.gateway.ReceiptHandler}.
 */
package cn.cbecpilot.ceb.gateway;

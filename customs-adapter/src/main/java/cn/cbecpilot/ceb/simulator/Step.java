package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.message.MessageType;

/**
 * One receipt the simulated customs will send.
 *
 * @param type the receipt type
 * @param status its returnStatus
 * @param info its returnInfo
 */
record Step(MessageType type, String status, String info) {

    static final String ACCEPTED = "[Code:1800;Desc:逻辑校验通过]";
    static final String RELEASED = "[Code:2600;Desc:放行]";

    static Step of(MessageType type, String status, String info) {
        return new Step(type, status, info);
    }
}

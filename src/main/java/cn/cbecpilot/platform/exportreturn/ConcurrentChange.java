package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.shared.Conflict;

/** Another event changed the return between reading and writing it; the caller may read it again and retry. */
class ConcurrentChange extends Conflict {

    ConcurrentChange(String returnNo) {
        super("export return " + returnNo + " was changed at the same moment; try again");
    }
}

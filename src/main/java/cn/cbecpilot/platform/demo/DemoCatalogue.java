package cn.cbecpilot.platform.demo;

import cn.cbecpilot.platform.catalog.Category;
import cn.cbecpilot.platform.catalog.PositiveListLine;
import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.util.List;

/** The goods of the demo: an excerpt of the 2022 positive list and a dozen drugs, devices and health goods. */
final class DemoCatalogue {

    static final String PLATFORM = "1101980001";
    static final String SELLER = "1101980002";

    private DemoCatalogue() {}

    static List<PositiveListLine> positiveList2022() {
        return List.of(
                new PositiveListLine(1, "21069090", "其他编号未列名的食品", "仅限网购保税"),
                new PositiveListLine(
                        2, "30049090", "其他混合或非混合产品构成的药品（已配定剂量或制成零售包装）", "仅限网购保税；品名限于：布洛芬、氯雷他定、奥美拉唑、维生素、对乙酰氨基酚、褪黑素"),
                new PositiveListLine(3, "30051090", "其他胶粘敷料及有胶粘涂层的物品", ""),
                new PositiveListLine(4, "30059010", "药棉、纱布、绷带", ""),
                new PositiveListLine(5, "90013000", "隐形眼镜片", "每人每年限购12件"),
                new PositiveListLine(6, "90189099", "其他医疗、外科用仪器及器具", "仅限网购保税"),
                new PositiveListLine(7, "90191010", "按摩器具", ""),
                new PositiveListLine(8, "90214000", "助听器，不包括零件、附件", ""),
                new PositiveListLine(9, "90251990", "其他温度计", ""));
    }

    static List<Product> products() {
        return List.of(
                drug("DRG-IBU-200", "布洛芬缓释胶囊 200mg×24粒", "3004909099", "68.00", "H20160387", "8601234", 10),
                drug("DRG-LOR-10", "氯雷他定片 10mg×10片", "3004909099", "45.50", "H20150412", "8601235", 10),
                drug("DRG-OME-20", "奥美拉唑肠溶胶囊 20mg×14粒", "3004909099", "89.00", "H20170233", "8601236", 6),
                drug("DRG-VITD-1000", "维生素D3软胶囊 1000IU×120粒", "3004909099", "128.50", "H20180101", "8601237", 12),
                drug("DRG-MEL-3", "褪黑素片 3mg×60片", "3004909099", "99.00", null, "8601238", 6),
                device("DEV-BPM-7", "上臂式电子血压计 HEM-7136", "9018909990", "399.00", "国械注进20152200123", "04987654321001"),
                device("DEV-THERM-IR", "红外额温计 TAT-5000", "9025199090", "259.00", "国械注进20172070456", "00812345678901"),
                device(
                        "DEV-LENS-30",
                        "日抛隐形眼镜 30片装 -3.00D",
                        "9001300000",
                        "219.00",
                        "国械注进20163220789",
                        "04012345678901"),
                device("DEV-BAND-40", "透气创可贴 40片", "3005109000", "29.90", "国械备20180012", "04912345678904"),
                device("DEV-HEAR-1", "耳背式数字助听器（单只）", "9021400000", "6800.00", "国械注进20193190321", "07612345678900"),
                other("HLT-FISH-90", "深海鱼油软胶囊 1000mg×90粒", "2106909090", "158.00"),
                other("HLT-MASS-NECK", "颈部按摩仪", "9019101000", "499.00"));
    }

    private static Product drug(
            String sku,
            String name,
            String gcode,
            String price,
            String certificate,
            String drugIdCode,
            int maxPerOrder) {
        return new Product(
                sku,
                name,
                gcode,
                Category.DRUG,
                Money.of(price),
                "142",
                "502",
                certificate,
                null,
                drugIdCode,
                null,
                null,
                null,
                maxPerOrder,
                null,
                SELLER);
    }

    private static Product device(
            String sku, String name, String gcode, String price, String certificate, String gtin) {
        return new Product(
                sku,
                name,
                gcode,
                Category.DEVICE,
                Money.of(price),
                "007",
                "116",
                certificate,
                gtin,
                null,
                null,
                null,
                new BigDecimal("0.04"),
                null,
                null,
                SELLER);
    }

    private static Product other(String sku, String name, String gcode, String price) {
        return new Product(
                sku,
                name,
                gcode,
                Category.OTHER,
                Money.of(price),
                "142",
                "601",
                null,
                null,
                null,
                null,
                null,
                null,
                20,
                null,
                SELLER);
    }
}

package cn.cbecpilot.platform.catalog;

import cn.cbecpilot.platform.pages.RuleProblem;
import cn.cbecpilot.platform.shared.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's form that adds a product, as typed, with its problems by field. What is typed is read into the API's
 * {@link CatalogApi.NewProduct} and checked by the same constraints, so that the form and the API refuse alike; each
 * field's problem is worded on the page ({@code violation.product.<field>.INVALID_FIELD}).
 */
record ProductForm(
        String sku,
        String name,
        String gcode,
        String category,
        String price,
        String unit,
        String originCountry,
        String registrationCertificate,
        String gtin,
        String drugIdCode,
        String vatRate,
        String consumptionTaxRate,
        String dutyRate,
        String maxPerOrder,
        String maxPerYear,
        String sellerCode) {

    static final String CONTEXT = "product";
    static final List<String> FIELDS = List.of(
            "sku",
            "name",
            "gcode",
            "category",
            "price",
            "unit",
            "originCountry",
            "registrationCertificate",
            "gtin",
            "drugIdCode",
            "vatRate",
            "consumptionTaxRate",
            "dutyRate",
            "maxPerOrder",
            "maxPerYear",
            "sellerCode");
    private static final Set<Class<?>> REQUIRED = Set.of(NotBlank.class, NotNull.class);

    static ProductForm blank(String seller) {
        return new ProductForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", seller);
    }

    /** The field's text as typed, for the page to keep. */
    public String typed(String field) {
        return switch (field) {
            case "sku" -> sku;
            case "name" -> name;
            case "gcode" -> gcode;
            case "category" -> category;
            case "price" -> price;
            case "unit" -> unit;
            case "originCountry" -> originCountry;
            case "registrationCertificate" -> registrationCertificate;
            case "gtin" -> gtin;
            case "drugIdCode" -> drugIdCode;
            case "vatRate" -> vatRate;
            case "consumptionTaxRate" -> consumptionTaxRate;
            case "dutyRate" -> dutyRate;
            case "maxPerOrder" -> maxPerOrder;
            case "maxPerYear" -> maxPerYear;
            case "sellerCode" -> sellerCode;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    /** The problems of what was typed: text that is not a number where one is due, then the API's constraints. */
    Map<String, List<RuleProblem>> problems(Validator validator) {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        Read read = new Read(problems);
        CatalogApi.NewProduct product = read.product(this);
        for (ConstraintViolation<CatalogApi.NewProduct> v : validator.validate(product)) {
            String field = v.getPropertyPath().toString();
            if (!problems.containsKey(field)) {
                boolean missing = REQUIRED.contains(
                        v.getConstraintDescriptor().getAnnotation().annotationType());
                add(problems, field, missing ? RuleProblem.of("REQUIRED", CONTEXT) : invalid(field));
            }
        }
        return problems;
    }

    /** The product to add; only once {@link #problems} found none. */
    CatalogApi.NewProduct toProduct() {
        return new Read(new LinkedHashMap<>()).product(this);
    }

    /** The catalogue's refusals next to the field they name, in the page's wording of each rule code. */
    static Map<String, List<RuleProblem>> refusals(InvalidInput e) {
        Map<String, List<RuleProblem>> problems = new LinkedHashMap<>();
        for (InvalidInput.FieldProblem p : e.problems()) {
            add(problems, FIELDS.contains(p.field()) ? p.field() : "top", RuleProblem.of(p.code(), CONTEXT));
        }
        return problems;
    }

    private static RuleProblem invalid(String field) {
        return RuleProblem.of("INVALID_FIELD", CONTEXT + "." + field);
    }

    private static void add(Map<String, List<RuleProblem>> problems, String field, RuleProblem problem) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
    }

    /** Reads the typed text into the API's types, noting each field whose text is not of its type. */
    private record Read(Map<String, List<RuleProblem>> problems) {

        CatalogApi.NewProduct product(ProductForm f) {
            return new CatalogApi.NewProduct(
                    text(f.sku),
                    text(f.name),
                    text(f.gcode),
                    category(f.category),
                    decimal("price", f.price),
                    text(f.unit),
                    text(f.originCountry),
                    text(f.registrationCertificate),
                    text(f.gtin),
                    text(f.drugIdCode),
                    decimal("vatRate", f.vatRate),
                    decimal("consumptionTaxRate", f.consumptionTaxRate),
                    decimal("dutyRate", f.dutyRate),
                    whole("maxPerOrder", f.maxPerOrder),
                    whole("maxPerYear", f.maxPerYear),
                    text(f.sellerCode));
        }

        private static String text(String typed) {
            return typed == null || typed.isBlank() ? null : typed.strip();
        }

        private Category category(String typed) {
            for (Category c : Category.values()) {
                if (c.name().equals(text(typed))) {
                    return c;
                }
            }
            return null;
        }

        private BigDecimal decimal(String field, String typed) {
            String t = text(typed);
            if (t == null) {
                return null;
            }
            if (!t.matches("[0-9]{1,9}(\\.[0-9]{1,6})?")) {
                add(problems, field, invalid(field));
                return null;
            }
            return new BigDecimal(t);
        }

        private Integer whole(String field, String typed) {
            String t = text(typed);
            if (t == null) {
                return null;
            }
            if (!t.matches("[0-9]{1,6}")) {
                add(problems, field, invalid(field));
                return null;
            }
            return Integer.parseInt(t);
        }
    }
}

package io.trailkeeper.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A kind of record that retention treats alike. Built-in classes come with the schema; officers may
 * add more. The flags say which frameworks' floors apply to it.
 */
@Entity
@Table(name = "record_class")
public class RecordClass {

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "built_in", nullable = false, updatable = false)
    private boolean builtIn;

    @Column(name = "default_class", nullable = false, updatable = false)
    private boolean defaultClass;

    /** Documents HIPAA security safeguards, kept 6 years (45 CFR 164.316(b)(2)(i)). */
    @Column(name = "hipaa_documentation", nullable = false)
    private boolean hipaaDocumentation;

    /** Evidence a SOC 2 Type 2 examination relies on. */
    @Column(name = "soc2_evidence", nullable = false)
    private boolean soc2Evidence;

    @Column(name = "display_order", nullable = false)
    private int displayOrder;

    protected RecordClass() {
        // for JPA
    }

    public RecordClass(String code, String name, String description, boolean hipaaDocumentation, boolean soc2Evidence,
                       int displayOrder) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.hipaaDocumentation = hipaaDocumentation;
        this.soc2Evidence = soc2Evidence;
        this.displayOrder = displayOrder;
    }

    public void describe(String name, String description, boolean hipaaDocumentation, boolean soc2Evidence) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.hipaaDocumentation = hipaaDocumentation;
        this.soc2Evidence = soc2Evidence;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String description() { return description; }
    public boolean builtIn() { return builtIn; }
    public boolean defaultClass() { return defaultClass; }
    public boolean hipaaDocumentation() { return hipaaDocumentation; }
    public boolean soc2Evidence() { return soc2Evidence; }
    public int displayOrder() { return displayOrder; }

    /** What an officer sees and what a change record shows. */
    public String described() {
        return code + " '" + name + "' hipaaDocumentation=" + hipaaDocumentation + " soc2Evidence=" + soc2Evidence;
    }
}

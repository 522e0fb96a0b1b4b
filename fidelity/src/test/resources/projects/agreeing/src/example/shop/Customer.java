package example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A hand-made entity for the fidelity module's own test: a mapping both sides agree on. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(nullable = false, length = 80)
    String name;

    @Version
    Long version;
}

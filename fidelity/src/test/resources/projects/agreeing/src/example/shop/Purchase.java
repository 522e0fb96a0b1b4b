package example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A hand-made entity for the fidelity module's own test: a key to another table, a unique column. */
@Entity
public class Purchase {
    @Id
    Long id;

    @ManyToOne(optional = false)
    Customer customer;

    @Column(precision = 12, scale = 2)
    BigDecimal amount;

    @Column(unique = true, length = 20)
    String reference;

    LocalDate placedOn;
}

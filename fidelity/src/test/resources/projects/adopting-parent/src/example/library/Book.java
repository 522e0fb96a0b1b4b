package example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A hand-made entity for the adoption run's own test (the parent of a pair). */
@Entity
@Table(name = "book")
public class Book {
    @Id
    Long id;

    @Column(nullable = false, length = 200)
    String title;
}

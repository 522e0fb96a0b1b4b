package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class OrderLine {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private PurchaseOrder purchaseOrder;

    @ManyToOne(optional = false)
    private Product product;

    private int quantity;

    /** The price when the order was placed; the product's price may change later. */
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal unitPrice;

    protected OrderLine() {
        // for JPA
    }

    OrderLine(PurchaseOrder purchaseOrder, Product product, int quantity, BigDecimal unitPrice) {
        this.purchaseOrder = purchaseOrder;
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }
}

package io.github.jpamigrate.introspect;

/** H2: every foreign key gets an index of its own, named after the key. */
final class H2CatalogDetails implements CatalogDetails {

    @Override
    public boolean indexesForeignKeys() {
        return true;
    }
}

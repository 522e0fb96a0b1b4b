package io.github.jpamigrate.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelHashTest {

    @Test
    void isTheSha256OfTheDescriptorBytes() {
        // sha256 of the three bytes "abc", FIPS 180-2 test vector
        assertThat(ModelHash.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void modelAndItsWrittenDescriptorHashAlike() {
        SchemaModel model = SampleModels.rich();
        String text = DescriptorJson.write(model);
        assertThat(ModelHash.of(model)).isEqualTo(ModelHash.of(text.getBytes(StandardCharsets.UTF_8)))
                .hasSize(64)
                .isNotEqualTo(ModelHash.of(new SchemaModel("jpa", "hibernate-7", "x", List.of(), List.of(), List.of(),
                        List.of())));
    }
}

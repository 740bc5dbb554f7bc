package org.pirog.radius.backend.memory;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendContract;
import org.pirog.radius.core.backend.ContractFixture;

class MemoryBackendContractTest extends BackendContract {
    @TempDir
    Path directory;

    @Override
    protected Backend createBackend(ContractFixture fixture) throws Exception {
        MemoryFixtures.write(directory, "users", MemoryFixtures.usersFile(fixture));
        BackendContext context = new BackendContext(Dictionary.pirog(), directory,
                MemoryFixtures.settings(fixture, List.of()));
        return new MemoryBackendProvider().create(context);
    }
}

package dev.retort.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.util.Toggleable;

/**
 * The module as a whole: retort.enabled. The module's beans require it not to be false (see the
 * package); this class exists so that the key, like the datasources' keys, is in the IDE's
 * configuration metadata. (Plain text: this Javadoc is that metadata.)
 */
@ConfigurationProperties("retort")
public class RetortConfiguration implements Toggleable {

    private boolean enabled = true;

    @Override
    @Bindable(defaultValue = "true")
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Whether Retort migrates this application's datasources at all; false switches the whole
     * module off, endpoint and health indicator included. Default: true.
     *
     * @param enabled false to switch the module off
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

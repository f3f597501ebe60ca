package dev.replsim.scenario;

import dev.replsim.network.LinkPatch;

/**
 * One entry of {@code network.links}: an override for the directed link {@code from -> to}.
 *
 * @param patch the settings it overrides; the others come from the region pair or the defaults
 */
public record LinkSettings(String from, String to, LinkPatch patch) {}

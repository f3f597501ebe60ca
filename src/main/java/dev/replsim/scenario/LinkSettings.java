package dev.replsim.scenario;

import dev.replsim.random.Distribution;

/**
 * One entry of {@code network.links}: an override for the directed link {@code from -> to}.
 *
 * @param delay the link's delay, or null to keep the default
 */
public record LinkSettings(String from, String to, Distribution delay) {}

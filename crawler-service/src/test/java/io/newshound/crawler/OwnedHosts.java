package io.newshound.crawler;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.newshound.crawler.fetch.HostOwnership;

/** A {@link HostOwnership} that tests set host by host. */
public final class OwnedHosts implements HostOwnership {

	private final Set<String> hosts = ConcurrentHashMap.newKeySet();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	public OwnedHosts(String... hosts) {
		for (String host : hosts) {
			this.hosts.add(host.toLowerCase(Locale.ROOT));
		}
	}

	/** This instance now owns {@code host}. */
	public void grant(String host) {
		this.hosts.add(host.toLowerCase(Locale.ROOT));
		this.listeners.forEach(Runnable::run);
	}

	/** This instance no longer owns {@code host}. */
	public void revoke(String host) {
		this.hosts.remove(host.toLowerCase(Locale.ROOT));
		this.listeners.forEach(Runnable::run);
	}

	@Override
	public boolean owns(String host) {
		return this.hosts.contains(host.toLowerCase(Locale.ROOT));
	}

	@Override
	public Work begin(String host) {
		return owns(host) ? () -> {
		} : null;
	}

	@Override
	public void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

}

package dev.replsim.workload;

import dev.replsim.protocol.Read;
import dev.replsim.protocol.Write;

/**
 * How a client reaches the nodes, by name: the live client through the node's current actor, the
 * virtual driver through its event queue. A client sends only to nodes it believes run; a request
 * to one that crashed meanwhile is lost, as a request on a dropped connection is.
 */
public interface NodeAccess {

  void write(String node, Write write);

  void read(String node, Read read);
}

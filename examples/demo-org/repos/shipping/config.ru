# frozen_string_literal: true

require "bundler/setup"
Bundler.require(:default)

require_relative "lib/shipping_app"

run ShippingApp

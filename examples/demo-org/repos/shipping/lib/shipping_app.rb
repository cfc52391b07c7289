# frozen_string_literal: true

require "sinatra/base"
require "sinatra/json"
require "faraday"
require "newrelic_rpm"

class ShippingApp < Sinatra::Base
  include NewRelic::Agent::MethodTracer

  CARRIERS = { "dhl" => 4.90, "ups" => 6.50, "postnord" => 3.95 }.freeze

  def warehouse
    @warehouse ||= Faraday.new(url: ENV.fetch("WAREHOUSE_URL", "http://warehouse:8080"))
  end

  get "/quotes" do
    weight = Float(params.fetch("weightKg", "1"))
    quotes = CARRIERS.map { |carrier, base| { carrier: carrier, price: (base + weight * 0.8).round(2) } }
    json quotes: quotes
  end

  post "/shipments" do
    body = JSON.parse(request.body.read)
    NewRelic::Agent.add_custom_attributes(orderId: body["orderId"], carrier: body["carrier"])
    parcel = warehouse.get("/parcels/#{body['orderId']}")
    halt 409, json(error: "parcel not packed") unless parcel.success?

    status 201
    json trackingNumber: book_label(body["carrier"], JSON.parse(parcel.body))
  end

  get "/healthz" do
    "ok"
  end

  private

  def book_label(carrier, parcel)
    "#{carrier.upcase}-#{parcel.fetch('id')}-#{rand(10**8)}"
  end
  add_method_tracer :book_label, "Custom/Shipping/book_label"
end
